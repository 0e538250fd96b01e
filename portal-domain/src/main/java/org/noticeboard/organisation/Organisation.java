package org.noticeboard.organisation;

import java.time.ZoneId;

public record Organisation(long id, String slug, String name, ZoneId timeZone) {}

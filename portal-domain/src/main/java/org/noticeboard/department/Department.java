package org.noticeboard.department;

public record Department(long id, String name, int members, int accounts, int version) {}

package org.noticeboard.x.oauth;

import org.springframework.web.client.RestClient;

/**
 * The HTTP client for X's token endpoint (Spring Security's token converter and OAuth error
 * handling). Wrapped, so no other part of the application mistakes it for a general RestClient.
 */
public record XTokenEndpoint(RestClient rest) {}

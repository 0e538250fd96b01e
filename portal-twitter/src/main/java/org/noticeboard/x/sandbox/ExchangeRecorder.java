package org.noticeboard.x.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records every exchange with the sandbox's X API ({@code /x-sandbox/2/**}) so that tests can
 * check them against X's OpenAPI description. The OAuth endpoints under {@code /2/oauth2} are not
 * part of that description and are left out.
 */
final class ExchangeRecorder extends OncePerRequestFilter {

    private static final String API = XSandboxConfiguration.PREFIX + "/2/";
    private static final String OAUTH = XSandboxConfiguration.PREFIX + "/2/oauth2/";

    private final List<RecordedExchange> exchanges = new CopyOnWriteArrayList<>();

    List<RecordedExchange> exchanges() {
        return List.copyOf(exchanges);
    }

    void clear() {
        exchanges.clear();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith(API) || path.startsWith(OAUTH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/");
        List<RecordedExchange.Part> parts = new ArrayList<>();
        HttpServletRequest recorded = request;
        byte[] body = new byte[0];
        if (multipart) {
            // parts are read before the application sees them: Spring deletes their files afterwards
            try {
                for (var part : request.getParts()) {
                    try (var in = part.getInputStream()) {
                        parts.add(new RecordedExchange.Part(part.getName(), part.getSubmittedFileName(),
                                part.getContentType(), in.readAllBytes()));
                    }
                }
            } catch (IllegalStateException | ServletException tooLargeOrMalformed) {
                parts.clear();
            }
        } else {
            body = request.getInputStream().readAllBytes();
            recorded = new BufferedRequest(request, body);
        }
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(recorded, wrapped);
        } finally {
            String path = request.getRequestURI().substring(request.getContextPath().length()
                    + XSandboxConfiguration.PREFIX.length());
            exchanges.add(new RecordedExchange(request.getMethod(), path, request.getQueryString(),
                    requestHeaders(request), body, List.copyOf(parts), wrapped.getStatus(), responseHeaders(wrapped),
                    wrapped.getContentAsByteArray()));
            wrapped.copyBodyToResponse();
        }
    }

    private static Map<String, List<String>> requestHeaders(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name.toLowerCase(Locale.ROOT), Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private static Map<String, List<String>> responseHeaders(ContentCachingResponseWrapper response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(response.getHeaders(name)));
        }
        if (response.getContentType() != null) {
            headers.put("content-type", List.of(response.getContentType()));
        }
        return headers;
    }

    /** A request whose body was read ahead and is served again from memory. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}

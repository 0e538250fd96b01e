package org.noticeboard.x.sandbox;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * The sandbox's authorisation pages: self-contained HTML (inline CSS, nothing loaded from
 * elsewhere, every value escaped), clearly marked as the sandbox so nobody mistakes it for X.
 */
final class ConsentPage {

    private ConsentPage() {}

    /** Escapes the characters that matter in HTML text and attributes; the page is UTF-8, so nothing else needs to be. */
    private static String htmlEscape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f5f8fa;color:#0f1419;margin:0}
            .banner{background:#ffb81c;color:#0f1419;padding:.6em 1em;font-weight:600;text-align:center}
            main{max-width:32em;margin:2em auto;background:#fff;border:1px solid #cfd9de;border-radius:16px;padding:1.5em 2em}
            h1{font-size:1.4em;margin-top:0}
            ul{padding-left:1.2em}li{margin:.3em 0}code{background:#eff3f4;padding:0 .3em;border-radius:4px}
            label{display:block;margin:.8em 0 .3em;font-weight:600}
            select,input[type=text]{width:100%;padding:.5em;font-size:1em;border:1px solid #cfd9de;border-radius:8px;box-sizing:border-box}
            .actions{display:flex;gap:1em;margin-top:1.5em}
            button{flex:1;padding:.7em;font-size:1em;font-weight:700;border-radius:9999px;border:1px solid #0f1419;cursor:pointer}
            button.authorize{background:#0f1419;color:#fff}button.cancel{background:#fff;color:#0f1419}
            .error{color:#b00020;font-weight:600}.small{color:#536471;font-size:.9em}
            """;

    static final String BANNER = "X sandbox \u2014 nothing here reaches the real X";

    static String consent(String formToken, String clientId, List<String> scopes, List<SandboxUser> users,
            @Nullable String problem) {
        StringBuilder html = start("Authorize " + clientId);
        html.append("<h1>").append(htmlEscape(clientId)).append(" wants to access your X sandbox account</h1>");
        if (problem != null) {
            html.append("<p class=\"error\">").append(htmlEscape(problem)).append("</p>");
        }
        html.append("<p>It will be able to:</p><ul>");
        for (String scope : scopes) {
            html.append("<li><code>").append(htmlEscape(scope)).append("</code> \u2014 ")
                    .append(htmlEscape(SandboxOAuth.SCOPES.getOrDefault(scope, scope))).append("</li>");
        }
        html.append("</ul>");
        html.append("<form method=\"post\" action=\"authorize\">");
        html.append("<input type=\"hidden\" name=\"form_token\" value=\"").append(htmlEscape(formToken)).append("\">");
        html.append("<label for=\"username\">Sign in as</label><select id=\"username\" name=\"username\">");
        for (SandboxUser user : users) {
            html.append("<option value=\"").append(htmlEscape(user.username())).append("\">@")
                    .append(htmlEscape(user.username())).append(" \u2014 ").append(htmlEscape(user.name()))
                    .append("</option>");
        }
        html.append("</select>");
        html.append("<label for=\"typed_username\">or type a username</label>");
        html.append("<input type=\"text\" id=\"typed_username\" name=\"typed_username\" maxlength=\"15\" "
                + "pattern=\"[A-Za-z0-9_]{1,15}\" autocomplete=\"off\" placeholder=\"e.g. NorthshireNHS\">");
        html.append("<p class=\"small\">A handle that does not exist yet becomes a new sandbox user.</p>");
        html.append("<div class=\"actions\">");
        html.append("<button class=\"authorize\" type=\"submit\" name=\"decision\" value=\"authorize\">Authorize app</button>");
        html.append("<button class=\"cancel\" type=\"submit\" name=\"decision\" value=\"cancel\">Cancel</button>");
        html.append("</div></form>");
        return end(html);
    }

    static String error(String title, String detail) {
        StringBuilder html = start(title);
        html.append("<h1>").append(htmlEscape(title)).append("</h1>");
        html.append("<p class=\"error\">").append(htmlEscape(detail)).append("</p>");
        html.append("<p class=\"small\">Go back to the application and start again.</p>");
        return end(html);
    }

    private static StringBuilder start(String title) {
        return new StringBuilder(4096)
                .append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>").append(htmlEscape(title)).append(" \u2014 X sandbox</title>")
                .append("<style>").append(STYLE).append("</style></head><body>")
                .append("<div class=\"banner\" role=\"note\">").append(htmlEscape(BANNER)).append("</div><main>");
    }

    private static String end(StringBuilder html) {
        return html.append("</main></body></html>").toString();
    }
}

package org.noticeboard.x.sandbox;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a handler as an X API endpoint: a bearer token, its scopes and its rate limit are required. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface XApi {
    Endpoint value();
}

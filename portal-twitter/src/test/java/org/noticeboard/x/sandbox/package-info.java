/** Tests of the X sandbox over HTTP, on real PostgreSQL, and the OpenAPI conformance harness. */
@NullMarked
package org.noticeboard.x.sandbox;

import org.jspecify.annotations.NullMarked;

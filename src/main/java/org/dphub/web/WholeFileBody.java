package org.dphub.web;

import org.springframework.http.HttpMethod;

/**
 * An address that takes a whole file as its request body, sent as it is rather than in a
 * multipart form (an Open Referral UK feed posted as JSON). Its body may be as large as an upload
 * ({@code DPHUB_MAX_UPLOAD_SIZE}) rather than the JSON limit ({@code DPHUB_MAX_JSON_SIZE}); the
 * module behind it keeps its own, smaller limit. A module declares each as a bean.
 *
 * @param method the HTTP method
 * @param path the exact path, as in the OpenAPI document
 */
public record WholeFileBody(HttpMethod method, String path) {
}

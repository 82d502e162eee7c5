package org.dphub.directory.api;

import org.dphub.web.WholeFileBody;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * A council's Open Referral UK feed may be posted as the JSON body of
 * {@code POST /api/v1/directory/imports}: it is a file, up to {@code FeedImporter.MAX_BYTES}
 * (5 MB), so it is held to the upload limit rather than the 1 MB JSON limit; the importer refuses
 * anything over its own limit with a clear problem.
 */
@Configuration(proxyBeanMethods = false)
class FeedImportBodySize {

    @Bean
    WholeFileBody feedImportJsonBody() {
        return new WholeFileBody(HttpMethod.POST, "/api/v1/directory/imports");
    }
}

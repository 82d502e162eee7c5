package org.dphub.directory.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dphub.directory.internal.FeedImporter;
import org.dphub.directory.internal.FeedImporter.FeedProblem;
import org.dphub.directory.internal.FeedImporter.FeedRejected;
import org.dphub.directory.internal.FeedImporter.ImportResult;
import org.dphub.shared.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/directory/imports}: the DP team sends its council's Open Referral UK
 * service_list feed, as a multipart {@code file} or as the JSON body. 201 with what it did; 400
 * problem+json with every problem by its JSON path ({@code errors[].path}) and nothing changed.
 */
@RestController
@RequestMapping("/api/v1/directory/imports")
class FeedImportApiController {

    private final FeedImporter importer;
    private final MessageSource messages;

    FeedImportApiController(FeedImporter importer, MessageSource messages) {
        this.importer = importer;
        this.messages = messages;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('DP_TEAM')")
    ResponseEntity<Map<String, Object>> upload(SignedInUser dpTeam, @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new FeedRejected(List.of(FeedProblem.of("file", "choose-file")));
        }
        if (file.getSize() > FeedImporter.MAX_BYTES) {
            throw new FeedRejected(List.of(FeedProblem.of("$", "too-big")));
        }
        return created(importer.importFeed(dpTeam, file.getOriginalFilename(), file.getBytes()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasRole('DP_TEAM')")
    ResponseEntity<Map<String, Object>> json(SignedInUser dpTeam, HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(FeedImporter.MAX_BYTES + 1);
        }
        return created(importer.importFeed(dpTeam, "api.json", body));
    }

    private ResponseEntity<Map<String, Object>> created(ImportResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", result.id());
        json.put("servicesCreated", result.servicesCreated());
        json.put("servicesUpdated", result.servicesUpdated());
        json.put("servicesUnchanged", result.servicesUnchanged());
        json.put("organizationsCreated", result.organizationsCreated());
        json.put("organizationsUpdated", result.organizationsUpdated());
        json.put("warnings", result.warnings().stream().map(w -> Map.of("path", w.path(), "message", w.message(messages, LocaleContextHolder.getLocale()))).toList());
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(json);
    }

    @ExceptionHandler(FeedRejected.class)
    ResponseEntity<ProblemDetail> rejected(FeedRejected rejected) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The feed has problems. Fix each one listed in errors and send the whole file again. Nothing was imported.");
        problem.setTitle("Invalid feed");
        problem.setProperty("errors", rejected.problems().stream().map(e -> Map.of("path", e.path(), "message", e.message(messages, LocaleContextHolder.getLocale()))).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

package org.dphub.directory.web;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dphub.directory.internal.FeedImporter;
import org.dphub.directory.internal.FeedImporter.FeedProblem;
import org.dphub.directory.internal.FeedImporter.FeedRejected;
import org.dphub.directory.internal.FeedImporter.ImportResult;
import org.dphub.shared.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /directory/imports}: the DP team uploads its council's Open Referral UK feed. Whole file or
 * nothing: problems are listed by JSON path in the error summary; on success the page says what
 * changed, and lists the council's recent imports.
 */
@Controller
@RequestMapping("/directory/imports")
@PreAuthorize("hasRole('DP_TEAM')")
class FeedImportPage {

    /** A problem or a warning as the page shows it: where in the file, and what, in the page's language. */
    record Said(String path, String message) {
    }


    record ImportRow(String date, String fileName, int created, int updated, int organizations) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private final FeedImporter importer;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    FeedImportPage(FeedImporter importer, JdbcClient jdbc, MessageSource messages) {
        this.importer = importer;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    private List<Said> said(List<FeedProblem> problems) {
        Locale locale = LocaleContextHolder.getLocale();
        return problems.stream().map(p -> new Said(p.path(), p.message(messages, locale))).toList();
    }

    @GetMapping
    String form(SignedInUser dpTeam, @RequestParam(required = false) String imported, Model model) {
        if (imported != null) {
            try {
                importer.find(dpTeam.councilId(), UUID.fromString(imported)).ifPresent(result -> {
                    model.addAttribute("imported", result);
                    model.addAttribute("warnings", said(result.warnings()));
                });
            } catch (IllegalArgumentException notAnId) {
                // nothing to say
            }
        }
        return show(dpTeam, model, List.of());
    }

    @PostMapping
    String upload(SignedInUser dpTeam, @RequestParam(required = false) MultipartFile file, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return show(dpTeam, model, List.of(FeedProblem.of("", "choose-file")));
        }
        if (file.getSize() > FeedImporter.MAX_BYTES) {
            return show(dpTeam, model, List.of(FeedProblem.of("$", "too-big")));
        }
        try {
            ImportResult result = importer.importFeed(dpTeam, file.getOriginalFilename(), file.getBytes());
            return "redirect:/directory/imports?imported=" + result.id();
        } catch (FeedRejected rejected) {
            return show(dpTeam, model, rejected.problems());
        }
    }

    private String show(SignedInUser dpTeam, Model model, List<FeedProblem> problems) {
        Locale locale = LocaleContextHolder.getLocale();
        List<ImportRow> recent = jdbc.sql("SELECT created_at, file_name, services_created, services_updated, organizations_created"
                        + " FROM directory_import WHERE council_id = :c ORDER BY created_at DESC, id LIMIT 10")
                .param("c", dpTeam.councilId())
                .query((rs, n) -> new ImportRow(rs.getObject("created_at", OffsetDateTime.class)
                        .atZoneSameInstant(ZoneId.of("Europe/London")).format(DATE.withLocale(locale)),
                        rs.getString("file_name"), rs.getInt("services_created"), rs.getInt("services_updated"),
                        rs.getInt("organizations_created"))).list();
        model.addAttribute("problems", said(problems));
        model.addAttribute("recent", recent);
        return "directory/imports";
    }
}

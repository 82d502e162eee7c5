package org.dphub.peersupport;

import java.util.List;

/** A page of a board's questions: {@code total} in all, {@code page} of {@code pages} (1-based). */
public record QuestionList(Board board, ListView view, String query, List<Post> questions, long total, int page, int pages) {
}

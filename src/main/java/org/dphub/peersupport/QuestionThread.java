package org.dphub.peersupport;

import java.util.List;

/** A question with its answers, oldest first, and what the reader may do with it. */
public record QuestionThread(Post question, List<Post> answers, boolean mayAnswer, boolean mayMarkHelpful) {
}

package org.dphub.web;

import java.util.List;

/**
 * A file that cannot be taken: each problem with the line it is on (0 when it is about the whole
 * file). The API answers 422 with {@code errors: [{line, message}]}; nothing was saved.
 */
public class FileProblem extends RuntimeException {

    public record LineError(int line, String message) {
    }

    private final List<LineError> errors;

    public FileProblem(List<LineError> errors) {
        super(errors.isEmpty() ? "The file has problems" : errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public static FileProblem of(int line, String message) {
        return new FileProblem(List.of(new LineError(line, message)));
    }

    public List<LineError> errors() {
        return errors;
    }
}

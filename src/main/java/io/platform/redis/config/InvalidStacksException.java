package io.platform.redis.config;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in the stack files, reported together. */
public final class InvalidStacksException extends Exception {
    private final List<Problem> problems;

    public InvalidStacksException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the stack files:\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

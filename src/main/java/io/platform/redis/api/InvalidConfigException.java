package io.platform.redis.api;

import java.util.List;

/** Every problem of one typed configuration, found at once; each names the input in Java and in Terraform. */
public final class InvalidConfigException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidConfigException(String config, List<String> problems) {
        super(problems.size() + " problem(s) in " + config + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

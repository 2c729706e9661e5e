package io.platform.redis.config;

/**
 * One thing wrong in a stack file, in the operator's terms: where (file, line, key) and what (value and rule).
 * {@code line} is 0 when the problem belongs to the file as a whole.
 */
public record Problem(String file, int line, String key, String message) {

    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line : file;
        return key == null || key.isEmpty() ? where + ": " + message : where + ": " + key + ": " + message;
    }
}

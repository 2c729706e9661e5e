package io.platform.redis.hcl;

import java.util.List;

/**
 * {@code name = value} lines laid out as terraform fmt does: in a run of one-line items the {@code =} signs line up;
 * an item whose value spans lines (a long object) stands alone with one space before its {@code =} and ends the run.
 */
final class AlignedLines {
    private final List<String[]> items;

    private AlignedLines(List<String[]> items) {
        this.items = items;
    }

    /** Items as {name, value}; a value's continuation lines are indented relative to its name. */
    static AlignedLines of(List<String[]> items) {
        return new AlignedLines(items);
    }

    /** Every line prefixed with {@code spaces} spaces, continuation lines of a value too, each ending in a newline. */
    String indent(int spaces) {
        String pad = " ".repeat(spaces);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < items.size()) {
            if (spansLines(items.get(i))) {
                out.append(pad).append(items.get(i)[0]).append(" = ").append(items.get(i)[1].replace("\n", "\n" + pad)).append('\n');
                i++;
                continue;
            }
            int end = i;
            int width = 0;
            while (end < items.size() && !spansLines(items.get(end))) {
                width = Math.max(width, items.get(end)[0].length());
                end++;
            }
            for (int j = i; j < end; j++) {
                String name = items.get(j)[0];
                out.append(pad).append(name).append(" ".repeat(width - name.length())).append(" = ").append(items.get(j)[1]).append('\n');
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean spansLines(String[] item) {
        return item[1].indexOf('\n') >= 0;
    }
}

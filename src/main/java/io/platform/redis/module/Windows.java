package io.platform.redis.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ElastiCache's snapshot window ({@code hh24:mi-hh24:mi}, daily) and maintenance window
 * ({@code ddd:hh24:mi-ddd:hh24:mi}, weekly), in Java and as Terraform expressions. Each window lasts at least 60
 * minutes and the two must not overlap.
 */
public final class Windows {
    static final List<String> DAYS = List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat");
    static final int DAY = 24 * 60;
    static final int WEEK = 7 * DAY;
    static final String HOUR_MINUTE = "([01][0-9]|2[0-3]):[0-5][0-9]";
    static final String DAY_NAME = "(sun|mon|tue|wed|thu|fri|sat)";
    public static final String SNAPSHOT_FORMAT = "^" + HOUR_MINUTE + "-" + HOUR_MINUTE + "$";
    public static final String MAINTENANCE_FORMAT = "^" + DAY_NAME + ":" + HOUR_MINUTE + "-" + DAY_NAME + ":" + HOUR_MINUTE + "$";

    private Windows() {
    }

    /** Minute of the day a snapshot window starts, e.g. 180 for 03:00-04:00. */
    public static int snapshotStart(String window) {
        return minuteOfDay(window.substring(0, 5));
    }

    public static int snapshotLength(String window) {
        return Math.floorMod(minuteOfDay(window.substring(6, 11)) - snapshotStart(window), DAY);
    }

    /** Minute of the week (Sunday 00:00 is 0) a maintenance window starts. */
    public static int maintenanceStart(String window) {
        return minuteOfWeek(window.substring(0, 9));
    }

    public static int maintenanceLength(String window) {
        return Math.floorMod(minuteOfWeek(window.substring(10, 19)) - maintenanceStart(window), WEEK);
    }

    /** True when the daily snapshot window meets the weekly maintenance window on any day. */
    public static boolean overlap(String snapshotWindow, String maintenanceWindow) {
        int snapStart = snapshotStart(snapshotWindow);
        int snapLength = snapshotLength(snapshotWindow);
        int maintStart = maintenanceStart(maintenanceWindow);
        int maintLength = maintenanceLength(maintenanceWindow);
        for (int day = 0; day < 7; day++) {
            int start = day * DAY + snapStart;
            if (Math.floorMod(maintStart - start, WEEK) < snapLength || Math.floorMod(start - maintStart, WEEK) < maintLength) {
                return true;
            }
        }
        return false;
    }

    // The same arithmetic in Terraform. W stands for the window expression.

    static String hclSnapshotLength(String w) {
        return "(" + hclMinuteOfDay(w, 6) + " - " + hclMinuteOfDay(w, 0) + " + " + DAY + ") % " + DAY;
    }

    static String hclMaintenanceLength(String w) {
        return "(" + hclMinuteOfWeek(w, 10) + " - " + hclMinuteOfWeek(w, 0) + " + " + WEEK + ") % " + WEEK;
    }

    /** The precondition: the windows do not overlap (also true when one is malformed: its own rules report that). */
    static final String HCL_NO_OVERLAP = "!local.windows_overlap";

    /**
     * The module's locals behind {@link #HCL_NO_OVERLAP}: each window as minutes (null when malformed), then whether
     * the daily snapshot window meets the weekly maintenance window on any of the seven days, as {@link #overlap}.
     */
    static Map<String, String> hclLocals(String snapshot, String maintenance) {
        Map<String, String> locals = new LinkedHashMap<>();
        locals.put("snapshot_window_start", "try(" + hclMinuteOfDay(snapshot, 0) + ", null)");
        locals.put("snapshot_window_minutes", "try((" + hclMinuteOfDay(snapshot, 6) + " - local.snapshot_window_start + " + DAY + ") % " + DAY + ", null)");
        locals.put("maintenance_window_start", "try(" + hclMinuteOfWeek(maintenance, 0) + ", null)");
        locals.put("maintenance_window_minutes", "try((" + hclMinuteOfWeek(maintenance, 10) + " - local.maintenance_window_start + " + WEEK + ") % "
                + WEEK + ", null)");
        String start = "(day * " + DAY + " + local.snapshot_window_start)";
        locals.put("windows_overlap", "try(anytrue([for day in range(7) : "
                + "(local.maintenance_window_start - " + start + " + " + 2 * WEEK + ") % " + WEEK + " < local.snapshot_window_minutes"
                + " || (" + start + " - local.maintenance_window_start + " + 2 * WEEK + ") % " + WEEK + " < local.maintenance_window_minutes"
                + "]), false)");
        return locals;
    }

    private static String hclMinuteOfDay(String w, int offset) {
        return "(tonumber(substr(" + w + ", " + offset + ", 2)) * 60 + tonumber(substr(" + w + ", " + (offset + 3) + ", 2)))";
    }

    private static String hclMinuteOfWeek(String w, int offset) {
        String days = DAYS.stream().map(d -> "\"" + d + "\"").reduce((a, b) -> a + ", " + b).orElseThrow();
        return "(index([" + days + "], substr(" + w + ", " + offset + ", 3)) * " + DAY + " + " + hclMinuteOfDay(w, offset + 4) + ")";
    }

    private static int minuteOfDay(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
    }

    private static int minuteOfWeek(String dayHhmm) {
        return DAYS.indexOf(dayHhmm.substring(0, 3)) * DAY + minuteOfDay(dayHhmm.substring(4, 9));
    }
}

package org.assessmentsapi.devkit;

/**
 * Counters kept in an assessment's name as {@code "c0=12 c1=7 ..."}, one per concurrent client, each
 * client changing only its own: after a read-modify-write run, a counter below the client's count of
 * successful updates is a lost update. Shared by the handler and HTTP concurrency tests and the load run.
 */
public final class NameCounters {

    private NameCounters() {}

    public static String initial(int clients) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < clients; i++) {
            name.append(i == 0 ? "" : " ").append('c').append(i).append("=0");
        }
        return name.toString();
    }

    public static int read(String name, int slot) {
        return Integer.parseInt(name.split(" ")[slot].split("=")[1]);
    }

    public static String increment(String name, int slot) {
        String[] parts = name.split(" ");
        parts[slot] = "c" + slot + "=" + (read(name, slot) + 1);
        return String.join(" ", parts);
    }
}

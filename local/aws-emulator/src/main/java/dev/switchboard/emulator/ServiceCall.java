package dev.switchboard.emulator;

import java.util.Comparator;
import java.util.List;

/**
 * One service call as the emulator saw it: received when its request had been read, answered when its
 * response had been written ({@link System#nanoTime()}).
 */
public record ServiceCall(String service, String action, long receivedNanos, long answeredNanos) {

    /**
     * How many round trips a caller made one after another: the longest chain of calls in which each was
     * received after the previous one was answered. Calls made in parallel overlap and count once; pages
     * of one list count one each. Give every call a delay (a {@code SLOW} fault) so that parallel calls
     * really overlap.
     */
    public static int sequentialRoundTrips(List<ServiceCall> calls) {
        // Interval scheduling: the most pairwise non-overlapping calls, taken greedily by earliest answer.
        List<ServiceCall> byAnswer = calls.stream().sorted(Comparator.comparingLong(ServiceCall::answeredNanos)).toList();
        int chain = 0;
        long free = Long.MIN_VALUE;
        for (ServiceCall c : byAnswer) {
            if (chain == 0 || c.receivedNanos() > free) {
                chain++;
                free = c.answeredNanos();
            }
        }
        return chain;
    }
}

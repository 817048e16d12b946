package dev.switchboard.simulation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints, per workload, each setting's month beside the minimum: association-hours (and × minimum), turn-ons,
 * employees' total and p95 waiting, active connections cut. {@code local/simulation/run [--quick] [--seed N]}.
 */
public final class CostTable {

    static final LocalDate FIRST_DAY = LocalDate.of(2026, 12, 1);
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private CostTable() {
    }

    public static void main(String[] args) {
        long seed = 14;
        boolean quick = false;
        List<Workload.Shape> shapes = new ArrayList<>(List.of(Workload.Shape.values()));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--shape" -> shapes = List.of(Workload.Shape.valueOf(args[++i].toUpperCase(Locale.ROOT)));
                default -> throw new IllegalArgumentException("usage: [--quick] [--seed N] [--shape typical]");
            }
        }
        long started = System.nanoTime();
        for (Workload.Shape shape : shapes) {
            Workload w = Workload.generate(shape, seed, FIRST_DAY, quick ? 7 : 30, TOKYO);
            System.out.println();
            System.out.printf(Locale.ROOT, "### %s: %d sessions, %d days from %s (%s), seed %d%n%n", w.name(),
                    w.sessions().size(), w.days(), w.firstDay(), w.zone(), seed);
            Result min = Minimum.of(w, MonthSimulation.ASSOCIATION, MonthSimulation.DISASSOCIATION);
            System.out.println("| way of running it | association-hours | × minimum | turn-ons | waiting total (min)"
                    + " | × minimum | p95 wait (min) | cuts |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            print(Minimum.alwaysOn(w), min);
            List<Policy> policies = quick ? List.of(Policy.oldDefaults(), Policy.defaults()) : policies(shape);
            for (Policy p : policies) {
                print(MonthSimulation.run(w, p), min);
            }
            print(min, min);
        }
        System.out.printf(Locale.ROOT, "%n(%.0f s)%n", (System.nanoTime() - started) / 1e9);
    }

    /**
     * The settings compared: on the typical month, seed 004's way, the old defaults and the new rule over a
     * grid; on the other shapes, the old defaults, the chosen ones and their nearest rivals (a month takes about a
     * minute on a busy machine).
     */
    static List<Policy> policies(Workload.Shape shape) {
        if (shape != Workload.Shape.TYPICAL) {
            return List.of(Policy.oldDefaults(), Policy.tuned("idle 30 / grace 30 / night 5", 30, 30, 5, 5),
                    Policy.tuned("idle 15 / grace 20 / night 5", 15, 20, 5, 5), Policy.defaults());
        }
        List<Policy> out = new ArrayList<>();
        out.add(Policy.seedStyle());
        out.add(Policy.oldDefaults());
        out.add(Policy.tuned("idle 30 / grace 30 / night 5", 30, 30, 5, 5));
        out.add(Policy.tuned("idle 20 / grace 20 / night 5", 20, 20, 5, 5));
        out.add(Policy.tuned("idle 15 / grace 20 / night 5", 15, 20, 5, 5));
        out.add(Policy.defaults());
        out.add(Policy.tuned("idle 10 / grace 15 / night 5", 10, 15, 5, 5));
        out.add(Policy.tuned("idle 5 / grace 15 / night 5", 5, 15, 5, 5));
        out.add(Policy.tuned("idle 10 / grace 20 / night 5 / check 2", 10, 20, 5, 2));
        out.add(Policy.defaults().withDeadline(LocalTime.of(23, 0)));
        return out;
    }

    private static void print(Result r, Result min) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f | %d | %.0f | %.2f | %.1f | %d |%n", r.name(), r.hours(),
                r.hours() / min.hours(), r.turnOns(), r.totalWaitMinutes(),
                min.totalWaitMinutes() == 0 ? 0 : r.totalWaitMinutes() / min.totalWaitMinutes(), r.p95WaitMinutes(),
                r.cuts());
    }
}

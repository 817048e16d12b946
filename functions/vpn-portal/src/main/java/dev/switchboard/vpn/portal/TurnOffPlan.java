package dev.switchboard.vpn.portal;

import dev.switchboard.core.http.Lang;
import dev.switchboard.vpn.Endpoint;
import dev.switchboard.vpn.VpnSettings;
import dev.switchboard.vpn.VpnTags;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * What the schedule will really do next, as the auto-off function decides it (same settings, same tags), so that
 * the page never says something the schedule will not do.
 *
 * @param nightly          NIGHTLY_OFF_TIME, or null
 * @param afterNightly     tonight's nightly run has found the VPN in use and is waiting for the last person
 * @param deadline         NIGHTLY_DEADLINE, or null
 * @param deadlineSoon     the deadline is less than {@link #WARN_BEFORE} away, or the nightly run is waiting for it
 */
record TurnOffPlan(ZoneId zone, LocalTime nightly, int idleMinutes, int graceMinutes, int nightlyIdleMinutes,
                   boolean afterNightly, LocalTime deadline, boolean deadlineSoon) {

    /** How long before the deadline the page warns, besides saying it in the turn-off row all along. */
    static final Duration WARN_BEFORE = Duration.ofHours(2);

    static TurnOffPlan of(VpnSettings settings, Endpoint endpoint, Instant now) {
        boolean afterNightly = endpoint.standingMark(VpnTags.NIGHTLY_SINCE).isPresent();
        LocalTime deadline = settings.nightlyDeadline().orElse(null);
        boolean soon = false;
        if (deadline != null) {
            ZonedDateTime local = now.atZone(settings.timeZone());
            ZonedDateTime at = local.toLocalDate().atTime(deadline).atZone(settings.timeZone());
            soon = afterNightly || (at.isAfter(local) && Duration.between(local, at).compareTo(WARN_BEFORE) <= 0);
        }
        return new TurnOffPlan(settings.timeZone(), settings.nightlyOffTime().orElse(null), settings.idleMinutes(),
                settings.graceMinutes(), effectiveNightlyIdle(settings), afterNightly, deadline, soon);
    }

    /** After the nightly time the shorter of the two idles applies (IdleRule's rule). */
    private static int effectiveNightlyIdle(VpnSettings s) {
        return s.idleMinutes() == 0 ? s.nightlyIdleMinutes() : Math.min(s.idleMinutes(), s.nightlyIdleMinutes());
    }

    /** The turn-off row's sentence. */
    String sentence(Lang lang) {
        StringBuilder out = new StringBuilder();
        if (afterNightly) {
            out.append(PortalScheduleText.TONIGHT_WAITING.in(lang, nightlyIdleMinutes));
        } else {
            if (idleMinutes > 0) {
                out.append(PortalScheduleText.IDLE.in(lang, idleMinutes, graceMinutes));
            }
            if (nightly != null) {
                append(out, lang, PortalScheduleText.NIGHTLY.in(lang, nightly, zone.getId(), nightlyIdleMinutes));
            }
        }
        if (deadline != null) {
            append(out, lang, PortalScheduleText.DEADLINE.in(lang, deadline));
        }
        if (out.length() == 0) {
            out.append(PortalScheduleText.ADMIN_ONLY.in(lang));
        }
        return out.toString();
    }

    private static void append(StringBuilder out, Lang lang, String part) {
        if (out.length() > 0) {
            out.append(PortalScheduleText.SEPARATOR.in(lang));
        }
        out.append(part);
    }
}

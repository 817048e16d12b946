package dev.switchboard.connect.rules;

import dev.switchboard.core.identity.AsciiCase;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes scripts and direct commands get back. Stable field names; no SDK types. */
final class ProfileJson {

    private ProfileJson() {
    }

    static Map<String, Object> profile(AuthenticationProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("isDefault", p.isDefault());
        // At most ConnectLimits.MAX_ENTRIES_PER_LIST each, so the answer stays within ALB's 1 MB; the counts say
        // when another tool stored more.
        m.put("allowedIps", ConnectLimits.shown(p.rules().allowed()));
        m.put("blockedIps", ConnectLimits.shown(p.rules().blocked()));
        m.put("allowedIpsCount", p.rules().allowed().size());
        m.put("blockedIpsCount", p.rules().blocked().size());
        m.put("periodicSessionDuration", p.periodicSessionDuration());
        m.put("sessionInactivityDuration", p.sessionInactivityDuration());
        m.put("maxSessionDuration", p.maxSessionDuration());
        m.put("lastModified", p.lastModified() == null ? null : p.lastModified().toString());
        m.put("lastModifiedRegion", p.lastModifiedRegion());
        List<String> unreadable = ConnectLimits.shown(p.rules().unreadable());
        if (!unreadable.isEmpty()) {
            m.put("unreadableEntries", unreadable);
        }
        return m;
    }

    static Map<String, Object> summary(ProfileSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("isDefault", s.isDefault());
        m.put("lastModified", s.lastModified() == null ? null : s.lastModified().toString());
        m.put("lastModifiedRegion", s.lastModifiedRegion());
        return m;
    }

    static Map<String, Object> verdict(IpRules.Verdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ip", v.address());
        m.put("allowed", v.allowed());
        m.put("reason", AsciiCase.lower(v.reason().name()));
        m.put("entry", v.entry());
        return m;
    }

    static Map<String, Object> view(ConnectIpRulesService.View view) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        m.put("instanceId", view.instanceId());
        m.put("profiles", view.profiles().stream().map(ProfileJson::summary).toList());
        m.put("profile", profile(view.profile()));
        return m;
    }

    static Map<String, Object> change(ConnectIpRulesService.ChangeResult r) {
        Map<String, Object> profile = profile(r.after());
        if (r.changed()) {
            // The new LastModifiedTime is Connect's to assign: read it with "show" before chaining another change.
            profile.put("lastModified", null);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        m.put("operation", r.operation().wireName());
        m.put("changed", r.changed());
        m.put("profile", profile);
        m.put("normalised", r.normalised().stream()
                .map(p -> Map.of("typed", p.typed(), "stored", p.entry().value())).toList());
        return m;
    }

    static Map<String, Object> error(String code, int status, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", false);
        m.put("status", status);
        m.put("error", code);
        m.put("message", message);
        return m;
    }
}

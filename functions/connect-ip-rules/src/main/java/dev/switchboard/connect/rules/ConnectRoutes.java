package dev.switchboard.connect.rules;

import dev.switchboard.core.audit.Actor;
import dev.switchboard.core.http.AlbRequest;
import dev.switchboard.core.http.AlbResponse;
import dev.switchboard.core.http.Command;
import dev.switchboard.core.http.LambdaDispatcher;
import dev.switchboard.core.http.Lang;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.identity.AdminEmails;
import dev.switchboard.core.identity.AsciiCase;
import dev.switchboard.core.identity.Employee;
import dev.switchboard.core.json.Json;
import dev.switchboard.core.log.JsonLog;
import dev.switchboard.core.text.CoreErrors;
import dev.switchboard.core.text.Message;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The /connect pages: {@code GET /connect}, {@code POST /connect} (one change), {@code GET /connect/check}.
 * Admins only; a non-admin is refused before anything is read from Connect.
 */
final class ConnectRoutes implements LambdaDispatcher.Routes {

    /** The rules page: read-only on GET, where error pages lead. */
    static final String PAGE = "/connect";
    /** The changes a JSON body may ask for. */
    private static final Command.Spec CHANGES = Command.Spec.of("allow", "block", "remove", "set-sessions", "reset")
            .withAlias("op");
    private static final JsonLog LOG = JsonLog.forClass(ConnectRoutes.class);

    private final ConnectIpRulesService service;
    private final AdminEmails admins;
    /** SCHEDULE_TIMEZONE: the zone the page shows times in, like the VPN pages. */
    private final ZoneId zone;

    ConnectRoutes(ConnectIpRulesService service, AdminEmails admins, ZoneId zone) {
        this.service = service;
        this.admins = admins;
        this.zone = zone;
    }

    @Override
    public AlbResponse handle(AlbRequest request, Employee employee, Lang lang) {
        String path = request.path().length() > 1 && request.path().endsWith("/")
                ? request.path().substring(0, request.path().length() - 1) : request.path();
        if (!path.equals("/connect") && !path.equals("/connect/check")) {
            throw new SwitchboardException(CoreErrors.NOT_FOUND);
        }
        if (!admins.isAdmin(employee)) {
            throw new SwitchboardException(ConnectErrors.CONNECT_ADMIN_ONLY);
        }
        boolean json = request.answersInJson();
        try {
            String route = request.method() + " " + path;
            switch (route) {
                case "GET /connect":
                    return show(request, employee, lang, json);
                case "GET /connect/check":
                    return check(request, employee, lang, json);
                case "POST /connect":
                    return change(request, employee, lang, json);
                default:
                    throw new SwitchboardException(CoreErrors.METHOD_NOT_ALLOWED, request.method());
            }
        } catch (StaleProfileException e) {
            LOG.warn(e.userMessage(), Map.of("status", 409, "code", e.code(), "profile", e.current().id()));
            if (json) {
                Map<String, Object> body = ProfileJson.error(e.code(), 409, e.message(lang));
                body.put("current", ProfileJson.profile(e.current()));
                return AlbResponse.json(409, body);
            }
            var view = new ConnectIpRulesService.View(service.instanceId(), List.of(summaryOf(e.current())), e.current());
            return ConnectIpRulesPage.view(view, zone, employee, lang, List.of(new ConnectIpRulesPage.Notice(false,
                    e.message(lang) + " " + ConnectIpRulesPage.describe(e.request(), lang))), 409);
        } catch (LockoutException e) {
            LOG.warn(e.userMessage(), Map.of("status", 409, "code", e.code(), "profile", e.current().id()));
            if (json) {
                Map<String, Object> body = ProfileJson.error(e.code(), 409, e.message(lang));
                body.put("you", e.verdict().map(ProfileJson::verdict).orElse(null));
                if (!e.wholeFamilyEntries().isEmpty()) {
                    body.put("wholeFamilyEntries", e.wholeFamilyEntries());
                }
                body.put("hint", ConnectNotices.LOCKOUT_HINT.in(lang));
                return AlbResponse.json(409, body);
            }
            return ConnectIpRulesPage.confirmLockout(e, employee, lang);
        }
    }

    private AlbResponse show(AlbRequest request, Employee employee, Lang lang, boolean json) {
        String profile = ChangeRequest.profileId(request.query("profile").orElse(null));
        ConnectIpRulesService.View view = service.show(profile);
        if (json) {
            Map<String, Object> body = ProfileJson.view(view);
            body.put("you", ownVerdict(view.profile(), employee).map(ProfileJson::verdict).orElse(null));
            return AlbResponse.json(200, body);
        }
        return ConnectIpRulesPage.view(view, zone, employee, lang, notices(request, lang), 200);
    }

    private AlbResponse check(AlbRequest request, Employee employee, Lang lang, boolean json) {
        String profile = ChangeRequest.profileId(request.query("profile").orElse(null));
        String ip = request.query("ip").orElse("");
        IpEntry.parseAddress(ip); // a bad address is a 400 before anything is read from Connect
        ConnectIpRulesService.CheckResult result = service.check(profile, ip);
        if (json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", true);
            body.put("profileId", result.profile().id());
            body.putAll(ProfileJson.verdict(result.verdict()));
            return AlbResponse.json(200, body);
        }
        return ConnectIpRulesPage.checked(result, employee, lang);
    }

    private AlbResponse change(AlbRequest request, Employee employee, Lang lang, boolean json) {
        request.requireFromOwnPage();
        ChangeRequest change;
        if (request.isJsonBody()) {
            // The page's form names the change "op"; a script's JSON body uses the commands' envelope, "command",
            // with "op" as its alias. Naming it both ways is refused, not guessed at.
            Command command = Command.fromBody(request.jsonObject(), CHANGES);
            change = ChangeRequest.fromJson(command.fields(), command.name(), false);
        } else {
            Map<String, String> form = request.form();
            if (AsciiCase.equalsIgnoreCase("reset", form.getOrDefault("op", "").trim())
                    && !AsciiCase.equalsIgnoreCase("yes", form.getOrDefault("confirm", ""))) {
                // Ask first: emptying both lists opens Connect to every address. The confirmation carries the
                // version this page showed, so a change made meanwhile is still caught (409) on confirm.
                ChangeRequest pending = ChangeRequest.fromForm(withConfirm(form));
                AuthenticationProfile current = service.show(pending.profileId()).profile();
                return ConnectIpRulesPage.confirmReset(current, pending.expectedLastModified(), employee, lang);
            }
            change = ChangeRequest.fromForm(form);
        }
        ConnectIpRulesService.ChangeResult result = service.change(change, Actor.of(employee));
        if (json) {
            return AlbResponse.json(200, ProfileJson.change(result));
        }
        return AlbResponse.seeOther(redirect(result));
    }

    private static Optional<IpRules.Verdict> ownVerdict(AuthenticationProfile p, Employee employee) {
        try {
            return Optional.of(p.rules().evaluate(IpEntry.parseAddress(employee.sourceIp())));
        } catch (SwitchboardException e) {
            return Optional.empty();
        }
    }

    /** After a form post: back to the page, which says what happened (303, so a reload does not post again). */
    private static String redirect(ConnectIpRulesService.ChangeResult result) {
        StringBuilder url = new StringBuilder(ConnectIpRulesPage.profileUrl(result.after().id()));
        url.append("&notice=").append(result.changed() ? result.operation().wireName() : "unchanged");
        List<String> entries = new ArrayList<>();
        result.normalised().forEach(p -> entries.add(p.typed() + ">" + p.entry().value()));
        if (!entries.isEmpty()) {
            url.append("&normalised=").append(URLEncoder.encode(String.join(" ", entries), StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    /**
     * The notice named in the URL. Only known notice names are shown, and a normalisation note only when the
     * typed text really normalises to the stored one, so a crafted link cannot put arbitrary text on the page.
     */
    static List<ConnectIpRulesPage.Notice> notices(AlbRequest request, Lang lang) {
        List<ConnectIpRulesPage.Notice> notices = new ArrayList<>();
        String notice = request.query("notice").orElse("");
        Message text = switch (notice) {
            case "allow" -> ConnectNotices.ADDED_TO_ALLOWED;
            case "block" -> ConnectNotices.ADDED_TO_BLOCKED;
            case "remove" -> ConnectNotices.REMOVED;
            case "set-sessions" -> ConnectNotices.SESSIONS_SAVED;
            case "reset" -> ConnectNotices.LISTS_EMPTIED;
            case "unchanged" -> ConnectNotices.UNCHANGED;
            default -> null;
        };
        if (text != null) {
            notices.add(new ConnectIpRulesPage.Notice(true, text.in(lang)));
        }
        for (String pair : request.query("normalised").orElse("").split(" ")) {
            int arrow = pair.indexOf('>');
            if (arrow <= 0) {
                continue;
            }
            String typed = pair.substring(0, arrow);
            String stored = pair.substring(arrow + 1);
            try {
                if (IpEntry.parse(typed).entry().value().equals(stored)) {
                    notices.add(new ConnectIpRulesPage.Notice(true, ConnectNotices.NORMALISED.in(lang, typed, stored)));
                }
            } catch (SwitchboardException ignored) {
                // not ours: show nothing
            }
        }
        return notices;
    }

    private static ProfileSummary summaryOf(AuthenticationProfile p) {
        return new ProfileSummary(p.id(), p.name(), p.isDefault(), p.lastModified(), p.lastModifiedRegion());
    }

    private static Map<String, String> withConfirm(Map<String, String> form) {
        Map<String, String> confirmed = new LinkedHashMap<>(form);
        confirmed.put("confirm", "yes");
        return confirmed;
    }
}

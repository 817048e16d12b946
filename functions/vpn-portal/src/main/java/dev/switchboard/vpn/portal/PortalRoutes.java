package dev.switchboard.vpn.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.audit.Actor;
import dev.switchboard.core.http.AlbRequest;
import dev.switchboard.core.http.AlbResponse;
import dev.switchboard.core.http.LambdaDispatcher;
import dev.switchboard.core.http.HtmlPage;
import dev.switchboard.core.http.Lang;
import dev.switchboard.core.http.QualityList;
import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.identity.AdminEmails;
import dev.switchboard.core.identity.AsciiCase;
import dev.switchboard.core.identity.Employee;
import dev.switchboard.core.text.CoreErrors;
import dev.switchboard.core.text.Message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portal's HTTP side: {@code GET /} (page; turns the VPN on when the employee navigated here),
 * {@code GET /status} (reads only, never repairs, never tags: the page for a browser, JSON for scripts),
 * {@code POST /on}, {@code POST /off} (admins, confirmed).
 *
 * <p>Requests that change something must come from our own page. Browsers say where a request comes from in
 * {@code Sec-Fetch-Site}: a POST is accepted when it is {@code same-origin} or absent (scripts, old
 * browsers), never {@code none}, {@code same-site} or {@code cross-site}; and when {@code Origin} is sent its
 * host must be our {@code Host}. A {@code GET /} turns the VPN on only when it is a navigation
 * ({@code none}: typed or bookmarked; {@code same-origin}; or absent) <em>and</em> has no query string: the
 * self-refresh URL {@code /?refresh=1} only shows, so a page left open never undoes a turn-off.
 */
final class PortalRoutes implements LambdaDispatcher.Routes {

    /** The page that shows the VPN without turning it on: where error pages and links lead, never {@code /}. */
    static final String READ_ONLY_PAGE = "/status";
    private static final String SEC_FETCH_SITE = "sec-fetch-site";

    private final VpnService service;
    private final AdminEmails admins;

    PortalRoutes(VpnService service, AdminEmails admins) {
        this.service = service;
        this.admins = admins;
    }

    @Override
    public AlbResponse handle(AlbRequest request, Employee employee, Lang lang) {
        String route = request.method() + " " + request.path();
        return switch (route) {
            case "GET /" -> page(request, employee, lang);
            // A read: never writes, whoever asks and from wherever (so it needs no own-page guard).
            case "GET /status" -> status(request, employee, lang);
            case "POST /on" -> turnOn(request, employee, lang);
            case "POST /off" -> turnOff(request, employee, lang);
            default -> throw switch (request.path()) {
                case "/", "/status", "/on", "/off" -> new SwitchboardException(CoreErrors.METHOD_NOT_ALLOWED,
                        request.method());
                default -> new SwitchboardException(CoreErrors.NOT_FOUND);
            };
        };
    }

    private AlbResponse page(AlbRequest request, Employee employee, Lang lang) {
        String site = AsciiCase.lower(request.header(SEC_FETCH_SITE).orElse(""));
        boolean navigation = site.isEmpty() || site.equals("none") || site.equals("same-origin");
        boolean mayTurnOn = navigation && request.queryParameters().isEmpty();
        VpnStatus status = service.visit(Actor.of(employee), mayTurnOn);
        if (request.wantsJson()) {
            return AlbResponse.json(200, StatusJson.of(status));
        }
        return StatusPage.render(status, employee, admins.isAdmin(employee), lang);
    }

    /**
     * The read-only way in: a browser (its Accept prefers HTML) gets the status page, a script keeps the JSON.
     * Either way nothing is turned on, so every link the product renders can point here.
     */
    private AlbResponse status(AlbRequest request, Employee employee, Lang lang) {
        VpnStatus status = service.status();
        if (prefersHtml(request)) {
            return StatusPage.render(status, employee, admins.isAdmin(employee), lang);
        }
        return AlbResponse.json(200, StatusJson.of(status));
    }

    /**
     * Whether {@code Accept} ranks {@code text/html} above JSON, as a browser's navigation does
     * ({@code text/html,...,*}{@code /*;q=0.8}). No header, {@code *}{@code /*} (curl) or anything naming JSON
     * first is a script: it keeps the JSON {@code /status} has always answered.
     */
    static boolean prefersHtml(AlbRequest request) {
        double html = -1;
        double json = -1;
        for (QualityList.Item item : QualityList.parse(request.header("accept").orElse(""))) {
            String type = item.value();
            double q = item.q();
            if (type.equals("text/html")) {
                html = Math.max(html, q);
            } else if (type.equals("application/json")) {
                json = Math.max(json, q);
            }
        }
        return html > 0 && html >= json;
    }

    private AlbResponse turnOn(AlbRequest request, Employee employee, Lang lang) {
        request.requireFromOwnPage();
        fields(request);
        TurnOnResult result = service.turnOn(Actor.of(employee));
        if (result.outcome() == TurnOnResult.Outcome.TURNING_OFF) {
            throw new SwitchboardException(PortalErrors.TURNING_OFF);
        }
        if (!request.answersInJson()) {
            return AlbResponse.seeOther(StatusPage.REFRESH_URL);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("outcome", result.outcome() == TurnOnResult.Outcome.STARTED ? "started" : "already-on");
        body.put("startedSubnets", result.startedSubnets());
        body.put("status", StatusJson.of(result.status()));
        return AlbResponse.json(200, body);
    }

    private AlbResponse turnOff(AlbRequest request, Employee employee, Lang lang) {
        request.requireFromOwnPage();
        if (!admins.isAdmin(employee)) {
            throw new SwitchboardException(PortalErrors.ADMIN_ONLY);
        }
        boolean confirmed = confirmed(fields(request).get("confirm"));
        TurnOffResult result = service.turnOff(Actor.of(employee), confirmed);
        if (result.outcome() == TurnOffResult.Outcome.CONFIRMATION_REQUIRED) {
            throw new SwitchboardException(PortalErrors.CONFIRMATION_REQUIRED, result.activeConnections());
        }
        List<Message> warnings = turnOffWarnings(result);
        if (!request.answersInJson()) {
            if (warnings.isEmpty()) {
                // Not "/": opening "/" would turn the VPN on again once the turn-off has completed.
                return AlbResponse.seeOther(StatusPage.REFRESH_URL);
            }
            return turnedOffWithWarnings(result, warnings, lang);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("outcome", switch (result.outcome()) {
            case STARTED -> "started";
            case PARTIAL -> "partial";
            default -> "already-off";
        });
        body.put("disassociatedSubnets", result.disassociatedSubnets());
        body.put("failedSubnets", result.failedSubnets());
        body.put("activeConnectionsCut", result.changedSomething() ? result.activeConnections() : 0);
        body.put("recorded", result.recorded());
        body.put("warnings", warnings.stream().map(w -> Map.of("code", w.code(), "message", text(w, result, lang))).toList());
        body.put("status", StatusJson.of(result.status()));
        return AlbResponse.json(200, body);
    }

    /** What went wrong after the turn-off happened: none of it undoes the turn-off. */
    private static List<Message> turnOffWarnings(TurnOffResult result) {
        List<Message> out = new ArrayList<>();
        if (!result.failedSubnets().isEmpty()) {
            out.add(TurnOffText.SUBNETS_REFUSED);
        }
        if (!result.recorded()) {
            out.add(TurnOffText.NOT_RECORDED);
        }
        return out;
    }

    private static String text(Message m, TurnOffResult result, Lang lang) {
        return m.in(lang, String.join(", ", result.failedSubnets()));
    }

    /** The truth when a turn-off happened but not everything after it did: 200, people are being cut off. */
    private static AlbResponse turnedOffWithWarnings(TurnOffResult result, List<Message> warnings, Lang lang) {
        String title = TurnOffText.TITLE.in(lang);
        StringBuilder b = new StringBuilder("<div class=\"card\"><h1>").append(HtmlPage.text(title)).append("</h1><p>")
                .append(HtmlPage.text(TurnOffText.DETAIL.in(lang, String.join(", ", result.disassociatedSubnets()),
                        result.activeConnections())))
                .append("</p><ul>");
        warnings.forEach(w -> b.append("<li>").append(HtmlPage.text(text(w, result, lang))).append("</li>"));
        b.append("</ul><p><a href=\"").append(HtmlPage.attr(READ_ONLY_PAGE)).append("\">")
                .append(HtmlPage.text(TurnOffText.SEE_STATUS.in(lang))).append("</a></p></div>");
        return HtmlPage.of(lang, title, b.toString()).render(200);
    }


    /** The request's fields, from a JSON object or a form; anything unreadable is a 400 and nothing is done. */
    private static Map<String, String> fields(AlbRequest request) {
        if (request.isJsonBody()) {
            if (request.bodyText().isBlank()) {
                return Map.of();
            }
            ObjectNode node = request.jsonObject();
            Map<String, String> out = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : ""));
            return out;
        }
        return request.form();
    }

    private static boolean confirmed(String value) {
        return AsciiCase.equalsIgnoreCase(value, "yes") || AsciiCase.equalsIgnoreCase(value, "true");
    }
}

package dev.switchboard.connect.rules;

import dev.switchboard.core.http.SwitchboardException;
import dev.switchboard.core.identity.AsciiCase;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.AuthenticationProfileSummary;
import software.amazon.awssdk.services.connect.model.ConnectException;
import software.amazon.awssdk.services.connect.model.DescribeAuthenticationProfileResponse;
import software.amazon.awssdk.services.connect.model.UpdateAuthenticationProfileRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Amazon Connect adapter: the only class that speaks the Connect SDK. SDK errors become
 * {@link SwitchboardException}s with a message for people (the SDK's own message stays in the cause, for the log).
 */
public final class ConnectAuthenticationProfiles implements AuthenticationProfiles {

    private final ConnectClient connect;

    public ConnectAuthenticationProfiles(ConnectClient connect) {
        this.connect = connect;
    }

    @Override
    public List<ProfileSummary> list(String instanceId) {
        return call("ListAuthenticationProfiles", instanceId, null, () -> {
            List<ProfileSummary> all = new ArrayList<>();
            for (AuthenticationProfileSummary s : connect.listAuthenticationProfilesPaginator(
                    r -> r.instanceId(instanceId)).authenticationProfileSummaryList()) {
                all.add(new ProfileSummary(s.id(), s.name(), Boolean.TRUE.equals(s.isDefault()), s.lastModifiedTime(),
                        s.lastModifiedRegion()));
            }
            return List.copyOf(all);
        });
    }

    @Override
    public AuthenticationProfile describe(String instanceId, String profileId) {
        DescribeAuthenticationProfileResponse response = call("DescribeAuthenticationProfile", instanceId, profileId,
                () -> connect.describeAuthenticationProfile(r -> r.instanceId(instanceId).authenticationProfileId(profileId)));
        var p = response.authenticationProfile();
        if (p == null) {
            throw SwitchboardException.unavailable("connect_empty_answer",
                    "Amazon Connect answered without the authentication profile. Try again in a minute.", null);
        }
        return new AuthenticationProfile(p.id(), p.name(), p.description(), Boolean.TRUE.equals(p.isDefault()),
                new IpRules(p.allowedIps(), p.blockedIps()), p.periodicSessionDuration(), p.maxSessionDuration(),
                p.sessionInactivityDuration(), p.lastModifiedTime(), p.lastModifiedRegion());
    }

    @Override
    public void update(String instanceId, String profileId, ProfileUpdate update) {
        // Members left unset are not serialised, so Connect keeps them: only the change is sent.
        UpdateAuthenticationProfileRequest.Builder request = UpdateAuthenticationProfileRequest.builder()
                .instanceId(instanceId).authenticationProfileId(profileId);
        update.allowed().ifPresent(request::allowedIps);
        update.blocked().ifPresent(request::blockedIps);
        update.periodic().ifPresent(request::periodicSessionDuration);
        update.inactivity().ifPresent(request::sessionInactivityDuration);
        call("UpdateAuthenticationProfile", instanceId, profileId,
                () -> connect.updateAuthenticationProfile(request.build()));
    }

    private static <T> T call(String operation, String instanceId, String profileId, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConnectException e) {
            throw translate(operation, instanceId, profileId, e);
        } catch (SdkClientException e) {
            throw SwitchboardException.unavailable("connect_unreachable",
                    "Amazon Connect could not be reached. Try again in a minute.", e);
        } catch (SdkException e) {
            throw SwitchboardException.unavailable("connect_failed",
                    "Amazon Connect did not answer as expected. Try again in a minute.", e);
        }
    }

    static SwitchboardException translate(String operation, String instanceId, String profileId, ConnectException e) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        String message = String.valueOf(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
        switch (code) {
            case "AccessDeniedException":
                return new SwitchboardException(403, "connect_access_denied", accessDeniedMessage(operation, message), e);
            case "TooManyRequestsException":
            case "ThrottlingException":
            case "LimitExceededException":
                return SwitchboardException.unavailable("connect_throttled",
                        "Amazon Connect is limiting requests right now (it was retried). Try again in a minute.", e);
            case "ResourceNotFoundException":
                return profileId == null
                        ? new SwitchboardException(404, "unknown_instance",
                                "Amazon Connect has no instance " + instanceId + " (check CONNECT_INSTANCE_ID).", e)
                        : new SwitchboardException(404, "unknown_profile", "Amazon Connect has no authentication profile '"
                                + IpEntry.shorten(profileId) + "' in instance " + instanceId + ".", e);
            case "InvalidParameterException":
            case "InvalidRequestException":
                return new SwitchboardException(400, "connect_rejected",
                        "Amazon Connect refused this request as invalid; nothing was changed.", e);
            default:
                return e.statusCode() >= 500 || e.statusCode() == 429
                        ? SwitchboardException.unavailable("connect_unavailable",
                                "Amazon Connect is not available right now. Try again in a minute.", e)
                        : SwitchboardException.misconfigured("connect_error",
                                "Amazon Connect refused the request (" + code + "). Please tell IT.", e);
        }
    }

    /**
     * IAM denials say "is not authorized to perform"; a denial without it is what an account sees when the
     * preview API has not been enabled for it by AWS Support (or an SCP denies without naming the action).
     */
    private static String accessDeniedMessage(String operation, String sdkMessage) {
        if (AsciiCase.lower(sdkMessage).contains("is not authorized to perform")) {
            return "The function's IAM role may not call connect:" + operation
                    + ". Please tell IT to allow it in the function's policy.";
        }
        return "Amazon Connect refused access to authentication profiles. The preview API is probably not enabled "
                + "for this AWS account (AWS Support enables it on request); an organisation policy could also deny it. "
                + "Please tell IT.";
    }
}

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
            throw new SwitchboardException(ConnectErrors.CONNECT_EMPTY_ANSWER);
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
            throw SwitchboardException.because(e, ConnectErrors.CONNECT_UNREACHABLE);
        } catch (SdkException e) {
            throw SwitchboardException.because(e, ConnectErrors.CONNECT_FAILED);
        }
    }

    static SwitchboardException translate(String operation, String instanceId, String profileId, ConnectException e) {
        String code = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorCode());
        String message = String.valueOf(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
        switch (code) {
            case "AccessDeniedException":
                return accessDenied(operation, message, e);
            case "TooManyRequestsException":
            case "ThrottlingException":
            case "LimitExceededException":
                return SwitchboardException.because(e, ConnectErrors.CONNECT_THROTTLED);
            case "ResourceNotFoundException":
                return profileId == null
                        ? SwitchboardException.because(e, ConnectErrors.UNKNOWN_INSTANCE, instanceId)
                        : SwitchboardException.because(e, ConnectErrors.UNKNOWN_PROFILE, IpEntry.shorten(profileId),
                                instanceId);
            case "InvalidParameterException":
            case "InvalidRequestException":
                return SwitchboardException.because(e, ConnectErrors.CONNECT_REJECTED);
            default:
                return e.statusCode() >= 500 || e.statusCode() == 429
                        ? SwitchboardException.because(e, ConnectErrors.CONNECT_UNAVAILABLE)
                        : SwitchboardException.because(e, ConnectErrors.CONNECT_ERROR, code);
        }
    }

    /**
     * IAM denials say "is not authorized to perform"; a denial without it is what an account sees when the
     * preview API has not been enabled for it by AWS Support (or an SCP denies without naming the action).
     */
    private static SwitchboardException accessDenied(String operation, String sdkMessage, ConnectException e) {
        if (AsciiCase.lower(sdkMessage).contains("is not authorized to perform")) {
            return SwitchboardException.because(e, ConnectErrors.CONNECT_ACCESS_DENIED, operation);
        }
        return SwitchboardException.because(e, ConnectErrors.CONNECT_PREVIEW_DENIED);
    }
}

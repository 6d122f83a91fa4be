package org.civicgrid.security;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** 登录文字 — texts of the sign-in, setup and account pages ({@code messages/auth_zh.properties}). */
@MessageBundle(value = "auth")
public interface AuthMessages {
    @Message String loginTitle();
    @Message String username();
    @Message String password();
    @Message String signIn();
    @Message String loginFailed();
    @Message String loggedOut();
    @Message String sessionExpired();
    @Message String demoTitle();
    @Message String demoPreparing();
    @Message String demoIntro();
    @Message String demoPassword();
    @Message String displayName();
    @Message String roles();
    @Message String setupTitle();
    @Message String setupIntro(String tokenFile);
    @Message String setupToken();
    @Message String countyCode();
    @Message String countyCodeHint();
    @Message String countyName();
    @Message String adminUsername();
    @Message String passwordAgain();
    @Message String setupSubmit();
    @Message String passwordsDiffer();
    @Message String accountTitle();
    @Message String changePassword();
    @Message String currentPassword();
    @Message String newPassword();
    @Message String passwordChanged();
    @Message String department();
    @Message String phone();
    @Message String when();
    @Message String address();
    @Message String outcome();
    @Message String outcomeName(SignInLog.Outcome outcome);
}

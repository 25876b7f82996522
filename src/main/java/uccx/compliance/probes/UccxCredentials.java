package uccx.compliance.probes;

import java.util.Objects;
import uccx.compliance.environment.Secret;

/** The UCCX mailbox account and its password; printing it shows where the password came from, never the password. */
public record UccxCredentials(String account, Secret password) {

    public UccxCredentials {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "UccxCredentials[account=" + account + ", password=" + password + "]";
    }
}

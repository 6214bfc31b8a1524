package org.jobsearch.archfixture.gateway.ui;

import org.jobsearch.identity.IdentityProperties;
import org.jobsearch.identity.IdentityTokenSigner;

/** Broken on purpose: the UI mints identity tokens. */
public class SigningPage {

    public IdentityTokenSigner signer(IdentityProperties properties) {
        return new IdentityTokenSigner(properties);
    }
}

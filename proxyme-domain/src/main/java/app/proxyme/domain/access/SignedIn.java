package app.proxyme.domain.access;

import app.proxyme.domain.policy.Member;

/** A successful sign-in: a bearer token and the member it stands for. The token is never printed. */
public record SignedIn(String token, Member member) {
    @Override
    public String toString() {
        return "SignedIn[member=" + member + "]";
    }
}

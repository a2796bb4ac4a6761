package ru.frmr.auth.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * @param certificateChain PEM certificates, the signer's first
 * @param signature        base64url raw GOST R 34.10-2012 (256) signature over the challenge's UTF-8 bytes
 */
record QesLoginRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9_-]+$", message = "must be a challenge") String challenge,
        @NotBlank @Size(max = 32768) String certificateChain,
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9_-]{80,100}$", message = "must be a base64url GOST signature")
        String signature) {

    @Override
    public String toString() {
        return "QesLoginRequest[***]";
    }
}

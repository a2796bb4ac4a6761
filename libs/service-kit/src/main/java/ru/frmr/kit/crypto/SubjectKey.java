package ru.frmr.kit.crypto;

import javax.crypto.SecretKey;

/**
 * A subject's unwrapped data key of one generation, or ({@code key == null}) the fact that the subject's key
 * was shredded at that generation.
 */
record SubjectKey(String subjectId, long generation, SecretKey key) {

    boolean shredded() {
        return key == null;
    }

    @Override
    public String toString() {
        return "SubjectKey[subject=" + subjectId + ", generation=" + generation + (shredded() ? ", shredded]" : "]");
    }
}

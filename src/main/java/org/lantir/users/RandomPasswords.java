package org.lantir.users;

import java.security.SecureRandom;

/**
 * Random passwords a person can read off a screen and type: 20 characters from an alphabet
 * without look-alikes (no 0/O, 1/l/I), in groups of five joined by '-'. 20 draws from 57
 * symbols give about 116 bits.
 */
final class RandomPasswords {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    static final int SYMBOLS = 20;
    private static final int GROUP = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomPasswords() {
    }

    static String generate() {
        StringBuilder password = new StringBuilder(SYMBOLS + SYMBOLS / GROUP);
        for (int i = 0; i < SYMBOLS; i++) {
            if (i > 0 && i % GROUP == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}

package ru.frmr.esia.emulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * ESIA as integrators see it (authorization, login pages, token, person REST API, logout), with a fixture of
 * test people and state in memory. For local runs and tests only: production talks to esia.gosuslugi.ru.
 */
@SpringBootApplication
public class EsiaEmulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(EsiaEmulatorApplication.class, args);
    }
}

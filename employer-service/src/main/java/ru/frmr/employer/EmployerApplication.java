package ru.frmr.employer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EmployerApplication {

    public static void main(String[] args) {
        SpringApplication.run(EmployerApplication.class, args);
    }
}

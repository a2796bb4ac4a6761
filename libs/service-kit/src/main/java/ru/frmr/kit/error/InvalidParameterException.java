package ru.frmr.kit.error;

/** A request parameter outside what the service accepts (400, naming the parameter, never echoing its value). */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}

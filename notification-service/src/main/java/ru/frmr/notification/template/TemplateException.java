package ru.frmr.notification.template;

/** A template that cannot be used: the message names the file and what is wrong with it (a field, a length). */
public class TemplateException extends RuntimeException {

    public TemplateException(String file, String problem) {
        super("Notice template " + file + " " + problem);
    }
}

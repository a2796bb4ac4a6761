package ru.frmr.documents.upload;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.infra.embedded.SharedTestInfra;
import ru.frmr.infra.embedded.TestInfra;

/** {@link FilesApiContract} on the in-process broker and Mongo wire server of this JVM. */
class FilesApiIT extends FilesApiContract {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        useInfra(registry, SharedTestInfra.get());
    }

    @Override
    protected TestInfra infra() {
        return SharedTestInfra.get();
    }
}

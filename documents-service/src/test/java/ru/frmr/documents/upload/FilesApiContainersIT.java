package ru.frmr.documents.upload;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.frmr.infra.embedded.TestInfra;
import ru.frmr.infra.embedded.containers.ContainerTestInfra;
import ru.frmr.infra.embedded.containers.RequiresDocker;

/**
 * {@link FilesApiContract} on real mongo (replica set) and Kafka images (-Ptestcontainers): GridFS's files and chunks,
 * the uploaded documents' records and the event store on the server production runs.
 */
@RequiresDocker
class FilesApiContainersIT extends FilesApiContract {

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        useInfra(registry, ContainerTestInfra.get());
    }

    @Override
    protected TestInfra infra() {
        return ContainerTestInfra.get();
    }
}

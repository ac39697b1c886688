/**
 * Checks of the docker/ stack that need no Docker engine: the compose file parses and passes
 * {@code docker-compose config}, it passes Mend only variables Mend reads, mounts only files the repository has and
 * imports the realm the tests use; the image's sources exist after {@code mvn package}.
 */
package care.mend.docker;

package uccx.compliance.lab.winrm;

/**
 * The output one ReceiveResponse carries.
 *
 * @param done     whether this is the last chunk: the streams end and CommandState is Done
 * @param exitCode meaningful only when done
 */
record OutputChunk(byte[] stdout, byte[] stderr, boolean done, int exitCode) {
}

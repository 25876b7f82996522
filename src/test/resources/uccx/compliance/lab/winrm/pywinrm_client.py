"""Runs one command through pywinrm's WS-Management Protocol and prints what came back as JSON.

Used by PyWinRmAgainstLabTest with Debian's python3-winrm (pywinrm 0.3.0): a WinRM client
written by others, without sight of the lab or of Overthere, so that the lab is shown to speak
WS-Management and not only the dialect of the client the suite happens to use.

Arguments: endpoint URL, username, command line, file of standard input (text, CRLF line ends).
The password comes from the environment variable UCCX_LAB_PASSWORD, so that it is not visible
in the process list. Output: {"stdout": ..., "stderr": ..., "exitCode": ...} on standard output;
a failure leaves Python's traceback on standard error and a non-zero exit.
"""
import base64
import json
import os
import sys

import xmltodict
from winrm.protocol import Protocol

CMD_SHELL = 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd'
SEND = 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Send'
SHELL_NAMESPACE = 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell'
# The shell's code page (WINRS_CODEPAGE), as Overthere opens it: what the console reads and writes.
CODEPAGE = 437
CONSOLE_ENCODING = 'cp437'
# A stream pump sends what its buffer holds, cut anywhere: the far side must put lines back together.
CHUNK_BYTES = 4096


def send_input(protocol, shell_id, command_id, data):
    """pywinrm 0.3.0 has no Send; this is the envelope later pywinrm's send_command_input builds.

    End stays "false": Overthere never closes standard input, so the collector must not need it.
    """
    request = {'env:Envelope': protocol._get_soap_header(resource_uri=CMD_SHELL, action=SEND, shell_id=shell_id)}
    stream = request['env:Envelope'].setdefault('env:Body', {}).setdefault('rsp:Send', {}).setdefault('rsp:Stream', {})
    stream['@CommandId'] = command_id
    stream['@Name'] = 'stdin'
    stream['@End'] = 'false'
    stream['@xmlns:rsp'] = SHELL_NAMESPACE
    stream['#text'] = base64.b64encode(data).decode('ascii')
    protocol.send_message(xmltodict.unparse(request))


def main(endpoint, username, command_line, input_file):
    password = os.environ['UCCX_LAB_PASSWORD']
    with open(input_file, encoding='utf-8', newline='') as f:
        # strict: a character the console's code page cannot carry must fail here, not arrive as '?'
        standard_input = f.read().encode(CONSOLE_ENCODING)

    protocol = Protocol(endpoint=endpoint, transport='basic', username=username, password=password,
                        read_timeout_sec=30, operation_timeout_sec=20)
    shell_id = protocol.open_shell(codepage=CODEPAGE)
    try:
        command_id = protocol.run_command(shell_id, command_line)
        try:
            for start in range(0, len(standard_input), CHUNK_BYTES):
                send_input(protocol, shell_id, command_id, standard_input[start:start + CHUNK_BYTES])
            stdout, stderr, exit_code = protocol.get_command_output(shell_id, command_id)
        finally:
            protocol.cleanup_command(shell_id, command_id)
    finally:
        protocol.close_shell(shell_id)

    json.dump({'stdout': stdout.decode(CONSOLE_ENCODING), 'stderr': stderr.decode(CONSOLE_ENCODING), 'exitCode': exit_code},
              sys.stdout, ensure_ascii=True)


if __name__ == '__main__':
    if len(sys.argv) != 5:
        sys.exit('usage: pywinrm_client.py ENDPOINT USERNAME COMMAND_LINE INPUT_FILE (password in UCCX_LAB_PASSWORD)')
    main(*sys.argv[1:])

#!/usr/bin/env bash
# Runs one process of `mvn -Prun package` (Keycloak or WildFly) so that it stops with Maven, every time.
#
# Why: Maven's exec plugin starts a script, and the script starts the JVM. Killing Maven (or the script) leaves that
# JVM running, still holding 8080 and 9990. Here the command runs in a process group of its own, and the whole group
# is stopped (TERM, then KILL after MEND_STOP_GRACE seconds, 30 by default) when this script gets INT, TERM or HUP,
# or when its parent (Maven) is gone, whichever way it went, kill -9 included. It ends when the command ends, with
# the command's status.
#
# With --ready URL, it polls the URL twice a second until it answers 200 (with --ready-body TEXT in its body: an
# empty server is "ready" too) and then prints --ready-message once, with the seconds since Maven started: the moment
# a person can use what the run command started. In URL and message, {N} stands for port N moved by --port-offset
# (Maven cannot add numbers).
#
# usage: supervise.sh [--name NAME] [--port-offset N] [--ready http://HOST:{PORT}/PATH] [--ready-body TEXT]
#                     [--ready-message TEXT] -- COMMAND [ARG...]
# Tested by care.mend.platform.RunSupervisorTest with fake commands.
set -u
# Maven may have gone with our standard output: a write must never end this script before its command is stopped.
trap '' PIPE

name=command
ready_url=
ready_message=
ready_body=
port_offset=0
grace=${MEND_STOP_GRACE:-30}
while [ $# -gt 0 ]; do
    case $1 in
        --name) name=$2; shift 2 ;;
        --ready) ready_url=$2; shift 2 ;;
        --ready-message) ready_message=$2; shift 2 ;;
        --ready-body) ready_body=$2; shift 2 ;;
        --port-offset) port_offset=$2; shift 2 ;;
        --) shift; break ;;
        *) echo "supervise: unknown option $1" >&2; exit 2 ;;
    esac
done
if [ $# -eq 0 ]; then
    echo "supervise: no command given" >&2
    exit 2
fi

# Every {N} in the text becomes N plus the port offset.
with_ports() {
    local text=$1 out= head rest n
    while [[ $text == *"{"*"}"* ]]; do
        head=${text%%\{*}
        rest=${text#*\{}
        n=${rest%%\}*}
        text=${rest#*\}}
        if [[ $n =~ ^[0-9]+$ ]]; then
            out+="$head$(( n + port_offset ))"
        else
            out+="$head{$n}"
        fi
    done
    printf '%s' "$out$text"
}
if ! [[ $port_offset =~ ^[0-9]+$ ]]; then
    echo "supervise: --port-offset must be a whole number" >&2
    exit 2
fi
ready_url=$(with_ports "$ready_url")
ready_message=$(with_ports "$ready_message")

parent=$PPID
started=$SECONDS

say() {
    printf 'MEND-RUN %s\n' "$*" 2>/dev/null || true
}

# Alive, and still our parent: an orphan is adopted by another process, and a pid may be reused.
parent_alive() {
    kill -0 "$parent" 2>/dev/null || return 1
    local stat
    stat=$(cat "/proc/$$/stat" 2>/dev/null) || return 0
    stat=${stat##*) }
    set -- $stat
    [ "$2" = "$parent" ]
}

# Seconds since the parent started (Maven, when run by the run profile); since this script started without /proc.
since_start() {
    local stat up ticks
    if stat=$(cat "/proc/$parent/stat" 2>/dev/null) && read -r up _ </proc/uptime && ticks=$(getconf CLK_TCK); then
        stat=${stat##*) }
        set -- $stat
        echo $(( ${up%.*} - ${20} / ticks ))
    else
        echo $(( SECONDS - started ))
    fi
}

# One plain HTTP/1.0 GET through bash's /dev/tcp (no curl needed): true on a 200 whose answer holds --ready-body.
answers_ready() {
    local rest=${1#http://}
    local hostport=${rest%%/*}
    local path=/${rest#*/}
    [ "$rest" = "$hostport" ] && path=/
    (
        exec 3<>"/dev/tcp/${hostport%:*}/${hostport##*:}" || exit 1
        printf 'GET %s HTTP/1.0\r\nHost: %s\r\n\r\n' "$path" "$hostport" >&3
        read -r -t 2 _ code _ <&3 && [ "$code" = 200 ] || exit 1
        answer=
        while IFS= read -r -t 2 line <&3 || [ -n "$line" ]; do
            answer+="$line"
            line=
        done
        [[ $answer == *"$ready_body"* ]]
    ) 2>/dev/null
}

# Job control gives the background command a process group of its own (its id is the command's pid), so one signal
# reaches it and everything it started; the terminal's Ctrl-C reaches this script, which passes it on.
set -m
"$@" </dev/null &
child=$!
set +m

# Signals only set a flag: the loop below stops the command, so a second signal cannot cut the stop short.
signal=
trap 'signal=INT' INT
trap 'signal=TERM' TERM
trap 'signal=HUP' HUP

group_alive() {
    kill -0 -- "-$child" 2>/dev/null
}

stop() {
    say "stopping $name ($1)"
    kill -TERM -- "-$child" 2>/dev/null
    local tenths=0
    while group_alive; do
        if [ "$tenths" -ge $(( grace * 10 )) ]; then
            say "$name did not stop within $grace s: killing it"
            kill -KILL -- "-$child" 2>/dev/null
            break
        fi
        sleep 0.1
        tenths=$(( tenths + 1 ))
    done
}

announced=
reason=
while kill -0 "$child" 2>/dev/null; do
    if [ -n "$signal" ]; then
        reason="SIG$signal"
    elif ! parent_alive; then
        reason="its parent, Maven, is gone"
    fi
    if [ -n "$reason" ]; then
        stop "$reason"
        break
    fi
    if [ -n "$ready_url" ] && [ -z "$announced" ] && answers_ready "$ready_url"; then
        announced=1
        say "$ready_message ($(since_start) s after Maven started)"
    fi
    sleep 0.5 &
    wait $! 2>/dev/null
done

wait "$child" 2>/dev/null
status=$?
if [ -z "$reason" ] && group_alive; then
    # The command ended and left something it started running: that goes too.
    stop "it ended and left a process behind"
fi
if [ -n "$reason" ]; then
    # What remains of the group (a grandchild that outlived its parent) goes too.
    group_alive && kill -KILL -- "-$child" 2>/dev/null
    case $signal in
        INT) exit 130 ;;
        TERM) exit 143 ;;
        HUP) exit 129 ;;
        *) exit 0 ;;
    esac
fi
say "$name ended (status $status)"
exit "$status"

# Sourced, not run: `. bin/jdk.sh || exit 1` (POSIX sh; used by ./mvnw, bin/proxyme and .ci/run).
# Proxy Me needs a JDK >= 21. If $JAVA_HOME (or, without it, the `java` on PATH) is older or not a JDK,
# this looks for the newest JDK >= 21 in the usual install places and exports JAVA_HOME and PATH;
# if there is none it prints what is missing and returns 1.
# PROXYME_JDK_SEARCH overrides the places searched: a ':'-separated list of glob patterns.

# prints "<major> <java.home>" of the java at $1, or nothing
proxyme_jdk_probe() {
  _pj_props=$("$1" -XshowSettings:properties -version 2>&1 || :)
  _pj_pv=$(printf '%s\n' "$_pj_props" | sed -n 's/^ *java\.specification\.version = //p')
  _pj_ph=$(printf '%s\n' "$_pj_props" | sed -n 's/^ *java\.home = //p')
  unset _pj_props
  case $_pj_pv in '' | *[!0-9]*) return 0 ;; esac   # "1.8" and the like: too old anyway
  [ -z "$_pj_ph" ] || printf '%s %s\n' "$_pj_pv" "$_pj_ph"
}

proxyme_pick_jdk() {
  _pj_min=21
  _pj_found='' _pj_best=0 _pj_current='none'

  # 1. What is configured now.
  if [ -n "${JAVA_HOME-}" ]; then
    _pj_java="$JAVA_HOME/bin/java" _pj_what="JAVA_HOME=$JAVA_HOME"
  else
    _pj_java=$(command -v java 2>/dev/null || :) _pj_what="java on PATH"
  fi
  if [ -n "$_pj_java" ] && [ -x "$_pj_java" ]; then
    _pj_probe=$(proxyme_jdk_probe "$_pj_java")
    if [ -n "$_pj_probe" ]; then
      _pj_v=${_pj_probe%% *} _pj_h=${_pj_probe#* }
      _pj_current="$_pj_what (Java $_pj_v)"
      if [ "$_pj_v" -ge "$_pj_min" ] && [ -x "$_pj_h/bin/javac" ]; then
        _pj_found=$_pj_h _pj_best=$_pj_v
      elif [ "$_pj_v" -ge "$_pj_min" ]; then
        _pj_current="$_pj_what (Java $_pj_v, but a JRE without javac)"
      fi
    else
      _pj_current="$_pj_what (its java does not run)"
    fi
  elif [ -n "${JAVA_HOME-}" ]; then
    _pj_current="JAVA_HOME=$JAVA_HOME (no bin/java there)"
  fi

  # 2. Otherwise the newest JDK >= 21 in the usual places.
  if [ -z "$_pj_found" ]; then
    _pj_search=${PROXYME_JDK_SEARCH-"/usr/lib/jvm/*:/usr/java/*:/opt/java/*:/Library/Java/JavaVirtualMachines/*/Contents/Home:${HOME-}/.sdkman/candidates/java/*:${HOME-}/.jdks/*"}
    _pj_opts=$-
    set +f                      # ./mvnw runs with `set -f`; the patterns need globbing
    _pj_ifs=${IFS-' 	
'}
    IFS=:
    for _pj_pattern in $_pj_search; do
      IFS=''                    # expand each pattern as one glob, even with spaces in it
      for _pj_dir in $_pj_pattern; do
        [ -x "$_pj_dir/bin/java" ] && [ -x "$_pj_dir/bin/javac" ] || continue
        _pj_probe=$(proxyme_jdk_probe "$_pj_dir/bin/java")
        [ -n "$_pj_probe" ] || continue
        _pj_v=${_pj_probe%% *}
        if [ "$_pj_v" -ge "$_pj_min" ] && [ "$_pj_v" -gt "$_pj_best" ]; then
          _pj_found=${_pj_probe#* } _pj_best=$_pj_v
        fi
      done
      IFS=:
    done
    IFS=$_pj_ifs
    case $_pj_opts in *f*) set -f ;; esac
    if [ -z "$_pj_found" ]; then
      {
        echo "Proxy Me needs a JDK $_pj_min or newer, and none was found."
        echo "  configured: $_pj_current"
        echo "  searched:   $(printf '%s' "$_pj_search" | sed 's/:/, /g')"
        echo "Install a JDK $_pj_min+ (e.g. 'apt-get install openjdk-21-jdk', 'sdk install java 21-tem' or https://adoptium.net)"
        echo "in one of those places, or point JAVA_HOME at one: export JAVA_HOME=/path/to/jdk-21-or-newer"
      } >&2
      unset _pj_min _pj_found _pj_best _pj_current _pj_java _pj_what _pj_probe _pj_v _pj_h _pj_search _pj_opts _pj_ifs _pj_pattern _pj_dir
      return 1
    fi
    if [ "${PROXYME_JDK_QUIET-}" != 1 ]; then
      echo "Proxy Me: using Java $_pj_best at $_pj_found (configured: $_pj_current; a JDK $_pj_min+ is needed)" >&2
    fi
  fi

  JAVA_HOME=$_pj_found
  export JAVA_HOME
  case $(command -v java 2>/dev/null || :) in
  "$JAVA_HOME/bin/java") ;;
  *) PATH="$JAVA_HOME/bin:$PATH"; export PATH ;;
  esac
  unset _pj_min _pj_found _pj_best _pj_current _pj_java _pj_what _pj_probe _pj_v _pj_h _pj_search _pj_opts _pj_ifs _pj_pattern _pj_dir
  return 0
}

proxyme_pick_jdk

import { fuzzCommandsOf } from "../helpers/fuzz-commands";
import { FUZZ_GROUPS } from "../helpers/fuzz-groups";

fuzzCommandsOf(FUZZ_GROUPS["monitoring-auth"]);

using OutcomesLab.Cli;

// The `outcomeslab` command: thin. Each subcommand parses its options and calls one pipeline stage.
var global = new GlobalOptions();
var root = global.CreateRoot("OutcomesLab: de-identified outcome evidence for sex-therapy and psychotherapy practices.");
return await root.Parse(args).InvokeAsync();

using System.CommandLine;
using DrLambdas.LambdaEmulator.Cli;

var root = new RootCommand("DrLambdas local Lambda emulator: runs bootstrap executables behind the Lambda Runtime API and Invoke API.");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(InvokeCommand.Create());
return await root.Parse(args).InvokeAsync();

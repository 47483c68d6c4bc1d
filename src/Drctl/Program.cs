using DrLambdas.Drctl.Cli;
using DrLambdas.Drctl.Output;
using DrLambdas.Drctl.Services;

// Ctrl-C cancels the command (following an execution detaches from it); a second Ctrl-C ends the process.
using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!interrupt.IsCancellationRequested)
    {
        e.Cancel = true;
        interrupt.Cancel();
    }
};

var app = new DrctlApp(
    Environment.GetEnvironmentVariable,
    json => Terminal.ForProcess(json, Environment.GetEnvironmentVariable),
    ProcessServices.Create);
return await app.RunAsync(args, interrupt.Token);

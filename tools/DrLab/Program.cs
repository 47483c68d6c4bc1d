using DrLambdas.DrLab;

var (options, problems, help) = LabOptions.Parse(args);
if (help)
{
    Console.Out.WriteLine(LabOptions.Usage);
    return 0;
}

if (options is null)
{
    foreach (var problem in problems)
    {
        Console.Error.WriteLine(problem);
    }

    Console.Error.WriteLine(LabOptions.Usage);
    return 2;
}

await using var app = LabHost.Build(options, TimeProvider.System);
await app.RunAsync();
return Environment.ExitCode;

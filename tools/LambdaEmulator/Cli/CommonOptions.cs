using System.CommandLine;

namespace DrLambdas.LambdaEmulator.Cli;

/// <summary>Options shared by <c>serve</c> and <c>invoke</c>.</summary>
internal sealed class CommonOptions
{
    public Option<string[]> Functions { get; } = new("--function")
    {
        Description = "A function to host: NAME=PATH_TO_BOOTSTRAP, or PATH (the name is then the nearest directory that is not a build or RID directory).",
        Required = true,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> EnvFile { get; } = new("--env-file")
    {
        Description = "Function variables: SAM --env-vars JSON ({\"Parameters\":{...},\"NAME\":{...}}) or dotenv NAME=VALUE lines.",
    };

    public Option<string[]> Env { get; } = new("--env")
    {
        Description = "NAME=VALUE for every function; overrides the env file.",
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "AWS_REGION of the functions (default: the emulator's AWS_REGION, else us-east-1).",
    };

    public Option<int> MemoryMb { get; } = new("--memory")
    {
        Description = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE in MB.",
        DefaultValueFactory = _ => 128,
    };

    public Option<double> TimeoutSeconds { get; } = new("--timeout")
    {
        Description = "Invocation timeout in seconds; past it the process is killed and Sandbox.Timedout returned.",
        DefaultValueFactory = _ => 30,
    };

    public Option<string[]> FunctionMemory { get; } = new("--function-memory")
    {
        Description = "NAME=MB: the memory of one function, overriding --memory (as a template's MemorySize).",
    };

    public Option<string[]> FunctionTimeout { get; } = new("--function-timeout")
    {
        Description = "NAME=SECONDS: the timeout of one function, overriding --timeout (as a template's Timeout).",
    };

    public Option<int> MaxInstances { get; } = new("--max-instances")
    {
        Description = "Concurrent instances (processes) per function; further concurrent invocations wait.",
        DefaultValueFactory = _ => 4,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Functions);
        command.Options.Add(EnvFile);
        command.Options.Add(Env);
        command.Options.Add(Region);
        command.Options.Add(MemoryMb);
        command.Options.Add(TimeoutSeconds);
        command.Options.Add(FunctionMemory);
        command.Options.Add(FunctionTimeout);
        command.Options.Add(MaxInstances);
    }
}

/**
 * A connected language model behind the OpenAI-compatible chat completions API (Groq, OpenAI, Ollama, vLLM,
 * llama.cpp): classification and answers through one MicroProfile REST Client, under one deadline per call, read
 * strictly (a reply that is not exactly what was asked for is a failure, never a guess).
 */
package app.proxyme.engine.adapter.llm;

/** Local language processing: the topic classifier (MiniLM embeddings, lexical signal, question cues) and the playbook generator; nothing leaves the machine. */
package app.proxyme.engine.adapter.nlp;

package org.lantir.ui.mpps;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.lantir.scu.DimseReply;
import org.lantir.scu.ModalitySimulator;
import org.lantir.scu.MppsStep;
import org.lantir.scu.ScuTarget;
import org.lantir.scu.WorklistAnswer;
import org.lantir.scu.WorklistKeys;

/**
 * A modality simulator that answers what the test told it to, and records what was sent: the
 * view models' tests need no network.
 */
final class FakeSimulator implements ModalitySimulator {

    /** One answer: a status (with comment), or a failure of the association. */
    record Answer(DimseReply reply, Failure failure) {

        static Answer status(int status, String comment) {
            return new Answer(new DimseReply(status, comment, null), null);
        }

        static Answer refused(String detail) {
            return new Answer(null, new Failure(Failure.Kind.REFUSED, detail));
        }
    }

    final List<String> sent = new ArrayList<>();
    final List<MppsStep> steps = new ArrayList<>();
    final List<WorklistKeys> keys = new ArrayList<>();
    final List<ScuTarget> targets = new ArrayList<>();
    final Deque<Answer> answers = new ArrayDeque<>();
    final List<WorklistAnswer> matches = new ArrayList<>();

    FakeSimulator answer(Answer answer) {
        answers.add(answer);
        return this;
    }

    private Answer next() {
        return answers.isEmpty() ? Answer.status(0x0000, null) : answers.poll();
    }

    @Override
    public EchoResult echo(ScuTarget target) {
        sent.add("C-ECHO");
        targets.add(target);
        Answer a = next();
        return new EchoResult(target, a.reply(), a.failure());
    }

    @Override
    public QueryResult query(ScuTarget target, WorklistKeys keys) {
        sent.add("C-ECHO");
        sent.add("C-FIND");
        targets.add(target);
        this.keys.add(keys);
        Answer a = next();
        if (a.failure() != null) {
            return new QueryResult(target, null, List.of(), null, a.failure());
        }
        return new QueryResult(target, new DimseReply(0, null, null), matches, a.reply(), null);
    }

    @Override
    public MppsResult createMpps(ScuTarget target, String sopInstanceUid, MppsStep step) {
        sent.add("N-CREATE " + sopInstanceUid);
        targets.add(target);
        steps.add(step);
        Answer a = next();
        return new MppsResult(target, sopInstanceUid, a.reply(), a.failure());
    }

    @Override
    public MppsResult setMpps(ScuTarget target, String sopInstanceUid, FinalStatus status) {
        sent.add("N-SET " + status + " " + sopInstanceUid);
        targets.add(target);
        Answer a = next();
        return new MppsResult(target, sopInstanceUid, a.reply(), a.failure());
    }
}
